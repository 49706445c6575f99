import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ADMIN_TOKEN, AdminTokenGuard } from './admin-token.guard';
import { WorkspaceKeyGuard } from './workspace-key.guard';

@Global()
@Module({})
export class AuthModule {
  static forRoot(options: { adminToken: string }): DynamicModule {
    return {
      module: AuthModule,
      providers: [{ provide: ADMIN_TOKEN, useValue: options.adminToken }, AdminTokenGuard, WorkspaceKeyGuard],
      exports: [ADMIN_TOKEN, AdminTokenGuard, WorkspaceKeyGuard],
    };
  }
}
