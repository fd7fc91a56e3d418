import { createValidationPipe } from '../../common/validation/validation-pipe.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { AssignmentDto } from '../dto/assignment.dto.js';
import {
  BulkAction,
  BulkDto,
  PriorityParamsDto,
  StartReviewParamsDto,
  TagsParamsDto,
  WithdrawParamsDto,
} from '../dto/bulk.dto.js';

const PARAMS_OF = {
  assign: AssignmentDto,
  start_review: StartReviewParamsDto,
  set_priority: PriorityParamsDto,
  add_tags: TagsParamsDto,
  remove_tags: TagsParamsDto,
  withdraw: WithdrawParamsDto,
} satisfies Record<BulkAction, new () => object>;

export type BulkParams = {
  [A in BulkAction]: InstanceType<(typeof PARAMS_OF)[A]>;
};

const pipe = createValidationPipe();

// The action's params, validated as its single-claim body would be (same pipe, same DTO
// rules), with errors named `params.<field>`. Also refuses a claim listed twice: its
// second item could only ever be a 412.
export async function validBulkRequest<A extends BulkAction>(
  body: BulkDto & { action: A },
): Promise<BulkParams[A]> {
  const seen = new Set<string>();
  body.items.forEach((item, index) => {
    const id = item.id.toLowerCase();
    if (seen.has(id)) throw invalid(`items.${index}.id`, `lists claim ${id} a second time`);
    seen.add(id);
  });
  try {
    return (await pipe.transform(body.params ?? {}, {
      type: 'body',
      metatype: PARAMS_OF[body.action],
    })) as BulkParams[A];
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'validation') throw error;
    const errors = (error.options.errors ?? []).map(({ field, message }) => ({
      field: `params.${field}`,
      message,
    }));
    throw new DomainError('validation', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
      errors,
    });
  }
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('validation', `${field}: ${message}`, { errors: [{ field, message }] });
}
