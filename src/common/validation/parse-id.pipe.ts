import { Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DomainError } from '../problem/domain-error.js';

// Path ids: something that is not a uuid cannot name anything, so it is a 404, not a 400.
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw new DomainError('not-found', 'No such resource.');
    return value.toLowerCase();
  }
}
