import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type {
  ValidationArguments,
  ValidatorConstraintInterface,
  ValidatorOptions,
} from 'class-validator';

// class-validator's own validate() looks a class's declarations up again on every call (its
// metadata, its parents', each rule's constraint classes) and builds an error object for
// every property, valid or not. A compiled check reads those declarations once, in the same
// order and with the same filters, and runs the very same constraint instances in the order
// class-validator does, but only answers whether the object is valid. When it is not, the
// pipe asks class-validator for the errors, so a problem lists exactly what it always did.

type Dto = abstract new (...args: never[]) => unknown;
type Condition = (object: object, value: unknown) => boolean;

// What class-validator's metadata storage holds about one rule (not in its public types).
interface RuleMetadata {
  type: string;
  target: Dto | string;
  propertyName: string;
  constraints: unknown[];
  constraintCls: Dto;
  each?: boolean;
  validateIf?: Condition;
}
interface ConstraintMetadata {
  async: boolean;
  instance: ValidatorConstraintInterface;
}
interface Storage {
  validationMetadatas: Map<Dto | string, RuleMetadata[]>;
  getTargetValidationMetadatas(
    target: Dto,
    schema: string | undefined,
    always: boolean,
    strictGroups: boolean,
    groups?: string[],
  ): RuleMetadata[];
  groupByPropertyName(metadata: RuleMetadata[]): Record<string, RuleMetadata[]>;
  getTargetValidatorConstraints(target: Dto): ConstraintMetadata[];
}
const storage = () => getMetadataStorage() as unknown as Storage;

interface Rule {
  metadata: RuleMetadata;
  instances: ValidatorConstraintInterface[];
}
interface PropertyPlan {
  name: string;
  conditions: Condition[];
  defined: Rule[];
  rules: Rule[];
  nested: boolean;
}
interface ClassPlan {
  properties: PropertyPlan[];
  // The rules by property, as class-validator's whitelist reads them.
  grouped: Record<string, RuleMetadata[]>;
  // No rules at all: class-validator's forbidUnknownValues refuses such an object.
  empty: boolean;
}

// A declaration or a value the compiled check does not cover: class-validator decides.
class NotCompiled extends Error {}

const HANDLED = new Set<string>([
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.NESTED_VALIDATION,
  ValidationTypes.IS_DEFINED,
  ValidationTypes.WHITELIST,
]);

function compileClass(dto: Dto): ClassPlan | undefined {
  // As ValidationExecutor.execute asks, without groups (the pipe uses none).
  const metadata = storage().getTargetValidationMetadatas(dto, undefined, false, false, undefined);
  if (metadata.some((item) => !HANDLED.has(item.type))) return undefined;
  const grouped = storage().groupByPropertyName(metadata);
  const rulesOf = (items: RuleMetadata[]): Rule[] | undefined => {
    const rules = items.map((item) => ({
      metadata: item,
      constraints: storage().getTargetValidatorConstraints(item.constraintCls),
    }));
    if (rules.some(({ constraints }) => constraints.some((constraint) => constraint.async))) {
      return undefined;
    }
    return rules.map(({ metadata: item, constraints }) => ({
      metadata: item,
      instances: constraints.map((constraint) => constraint.instance),
    }));
  };
  const properties: PropertyPlan[] = [];
  for (const [name, items] of Object.entries(grouped)) {
    const ofType = (type: string) => items.filter((item) => item.type === type);
    const defined = rulesOf(ofType(ValidationTypes.IS_DEFINED));
    const rules = rulesOf(ofType(ValidationTypes.CUSTOM_VALIDATION));
    if (!defined || !rules) return undefined;
    properties.push({
      name,
      conditions: ofType(ValidationTypes.CONDITIONAL_VALIDATION).map(
        (item) => item.constraints[0] as Condition,
      ),
      defined,
      rules,
      nested: ofType(ValidationTypes.NESTED_VALIDATION).length > 0,
    });
  }
  return { properties, grouped, empty: metadata.length === 0 };
}

// Only the options whose effect on validity the compiled check reproduces; any other
// (groups, skipping missing properties, stripping unknown keys…) leaves it to class-validator.
function compilable(options: ValidatorOptions): boolean {
  const {
    whitelist,
    forbidNonWhitelisted,
    forbidUnknownValues,
    stopAtFirstError,
    validationError,
    dismissDefaultMessages,
    ...others
  } = options;
  void [forbidUnknownValues, stopAtFirstError, validationError, dismissDefaultMessages];
  if (whitelist && !forbidNonWhitelisted) return false;
  return Object.values(others).every((value) => value === undefined || value === false);
}

export class CompiledValidation {
  private readonly plans = new Map<unknown, ClassPlan | undefined>();
  private readonly enabled: boolean;
  private readonly whitelist: boolean;
  private readonly forbidUnknownValues: boolean;

  constructor(options: ValidatorOptions) {
    this.enabled = compilable(options);
    this.whitelist = options.whitelist === true;
    this.forbidUnknownValues = options.forbidUnknownValues !== false;
    // Every class declared so far (all DTOs are, once the modules are imported); a class
    // met later is compiled when first validated.
    if (this.enabled) {
      for (const target of storage().validationMetadatas.keys()) {
        if (typeof target === 'function') this.planOf(target);
      }
    }
  }

  // true: class-validator would find no error. false: it would find some. undefined: not
  // compiled for this object; class-validator must decide.
  isValid(object: object): boolean | undefined {
    if (!this.enabled) return undefined;
    try {
      return this.validObject(object);
    } catch (error) {
      if (error instanceof NotCompiled) return undefined;
      throw error;
    }
  }

  private planOf(dto: unknown): ClassPlan | undefined {
    if (this.plans.has(dto)) return this.plans.get(dto);
    const plan = typeof dto === 'function' ? compileClass(dto as Dto) : undefined;
    this.plans.set(dto, plan);
    return plan;
  }

  // ValidationExecutor.execute
  private validObject(object: object): boolean {
    const plan = this.planOf(object.constructor);
    if (!plan) throw new NotCompiled();
    if (plan.empty && this.forbidUnknownValues) return false;
    if (this.whitelist) {
      for (const key of Object.keys(object)) if (!whitelisted(plan, key)) return false;
    }
    for (const property of plan.properties) {
      const value = (object as Record<string, unknown>)[property.name];
      if (value instanceof Promise) throw new NotCompiled();
      if (!this.validProperty(object, value, property)) return false;
    }
    return true;
  }

  // ValidationExecutor.performValidations
  private validProperty(object: object, value: unknown, property: PropertyPlan): boolean {
    for (const condition of property.conditions) if (!condition(object, value)) return true;
    return (
      this.passes(object, value, property.defined) &&
      this.passes(object, value, property.rules) &&
      (!property.nested || this.validNested(value))
    );
  }

  // ValidationExecutor.customValidations
  private passes(object: object, value: unknown, rules: Rule[]): boolean {
    for (const { metadata, instances } of rules) {
      if (metadata.validateIf && !metadata.validateIf(object, value)) continue;
      const args: ValidationArguments = {
        targetName: object.constructor ? object.constructor.name : (undefined as never),
        property: metadata.propertyName,
        object,
        value,
        constraints: metadata.constraints,
      };
      if (value instanceof Set || value instanceof Map) throw new NotCompiled();
      const items = metadata.each && Array.isArray(value) ? (value as unknown[]) : undefined;
      for (const instance of instances) {
        const valid = items
          ? items.map((item) => settled(instance.validate(item, args))).every(Boolean)
          : settled(instance.validate(value, args));
        if (!valid) return false;
      }
    }
    return true;
  }

  // ValidationExecutor.nestedValidations, for an array's items too
  private validNested(value: unknown): boolean {
    if (value === undefined) return true;
    if (value instanceof Set || value instanceof Map) throw new NotCompiled();
    if (Array.isArray(value)) return value.every((item) => this.validNested(item));
    if (value instanceof Object) return this.validObject(value);
    return false;
  }
}

// Exactly ValidationExecutor.whitelist's test, which looks the key up in a plain object: a
// key such as "hasOwnProperty" finds Object.prototype's function there and passes.
function whitelisted(plan: ClassPlan, key: string): boolean {
  const rules = (plan.grouped as Record<string, { length?: number } | undefined>)[key];
  return !(!rules || rules.length === 0);
}

// class-validator's isPromise: a result it would await is left to it.
function settled(result: unknown): unknown {
  const thenable =
    result !== null &&
    typeof result === 'object' &&
    typeof (result as Promise<unknown>).then === 'function';
  if (thenable) throw new NotCompiled();
  return result;
}
