export * from './lib/admin.module';
export * from './lib/admin.dto';
