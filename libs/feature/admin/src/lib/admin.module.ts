import { Module } from '@nestjs/common';
import { ApiKeysController } from './api-keys.controller';
import { ConnectorsController } from './connectors.controller';
import { MeController } from './me.controller';
import { WorkspacesController } from './workspaces.controller';

/** Workspaces (admin token), connectors and API keys (workspace admin key), and who a key is. */
@Module({ controllers: [WorkspacesController, ConnectorsController, ApiKeysController, MeController] })
export class AdminModule {}
