import { Module } from '@nestjs/common';
import { ApiKeysController } from './api-keys.controller';
import { ConnectorsController } from './connectors.controller';
import { WorkspacesController } from './workspaces.controller';

/** Workspaces (admin token), connectors and API keys (workspace admin key). */
@Module({ controllers: [WorkspacesController, ConnectorsController, ApiKeysController] })
export class AdminModule {}
