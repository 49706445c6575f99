import { Injectable } from '@nestjs/common';

export interface ReadinessCheck {
  /** Short name shown in /ready (`log`, `clickhouse`, `postgres`, `consumer`). */
  readonly name: string;
  /** Resolves when the dependency answers; rejects with a reason otherwise. */
  readonly check: () => Promise<void>;
}

/** Modules register what the process depends on; /ready reports each by name. */
@Injectable()
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  register(check: ReadinessCheck): void {
    this.checks.set(check.name, check);
  }

  list(): ReadinessCheck[] {
    return [...this.checks.values()];
  }
}
