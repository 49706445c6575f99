import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DeadLetterRepository } from '@flowlens/persistence';
import { flowlensMetrics } from '@flowlens/platform';

/** Keeps `flowlens_dead_letters_open` current: counted at each scrape, not on every change. */
@Injectable()
export class DeadLetterMetrics implements OnModuleInit {
  constructor(private readonly deadLetters: DeadLetterRepository) {}

  onModuleInit(): void {
    flowlensMetrics.onScrape(async () => flowlensMetrics.deadLettersOpen.set(await this.deadLetters.countOpen()));
  }
}
