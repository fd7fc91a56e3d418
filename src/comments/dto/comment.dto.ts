import { ApiProperty } from '@nestjs/swagger';
import { PageQuery } from '../../common/pagination/page-query.dto.js';
import { TextField } from '../../common/validation/text.validators.js';

export class CreateCommentDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 5000,
    example: 'The SES figure matches its Telegram post; no independent count yet.',
  })
  @TextField(1, 5000)
  body!: string;
}

export class ListCommentsQuery extends PageQuery {}
