export * from './lib/board-scope.resolver';
