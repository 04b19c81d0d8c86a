export { startEmbeddedServer, type EmbeddedServer, type EmbeddedServerOptions } from './server';
export { spawnEmbeddedServer, type SpawnedServer } from './spawn';
export { superviseEmbeddedServer, type SupervisedServer, type SupervisorOptions } from './supervisor';
