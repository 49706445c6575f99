import { Module } from '@nestjs/common';
import { ImportJobsService } from './import-jobs.service';
import { ImportRunner } from './import-runner';
import { ImportScheduler } from './import-scheduler.service';
import { ImportsController } from './imports.controller';
import { ImportSourceFactory } from './sources/import-source.factory';

/** Import jobs: the API, and the background runner that resumes unfinished jobs at start-up. */
@Module({
  controllers: [ImportsController],
  providers: [ImportJobsService, ImportRunner, ImportSourceFactory, ImportScheduler],
})
export class ImportsModule {}
