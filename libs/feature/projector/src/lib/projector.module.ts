import { Module } from '@nestjs/common';
import { ProjectionWriter } from '@flowlens/projections';
import { ProjectorHandlers } from './projector.handlers';
import { ProjectorStats } from './projector.stats';

@Module({ controllers: [ProjectorHandlers], providers: [ProjectionWriter, ProjectorStats], exports: [ProjectionWriter, ProjectorStats] })
export class ProjectorModule {}
