import { Module } from '@nestjs/common';
import { ApiKeysController } from './api-keys.controller';
import { AuditController } from './audit.controller';
import { ConnectorsController } from './connectors.controller';
import { MeController } from './me.controller';
import { WorkspacePurgeService } from './workspace-purge.service';
import { WorkspaceSettingsController } from './workspace-settings.controller';
import { WorkspacesController } from './workspaces.controller';

/** Workspaces (admin token), the key's workspace settings, connectors, API keys, the audit log (workspace admin key), and who a key is. */
@Module({
  controllers: [WorkspacesController, WorkspaceSettingsController, ConnectorsController, ApiKeysController, AuditController, MeController],
  providers: [WorkspacePurgeService],
})
export class AdminModule {}
