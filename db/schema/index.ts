export * from './app';
export * from './campaigns';
export * from './contacts';
export * from './deliveries';
export * from './imports';
export * from './sandbox';
export * from './templates';
export * from './sending';
