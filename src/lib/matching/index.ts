export * from './company-name';
export * from './domain';
export * from './free-mail';
export * from './keys';
export * from './products';
export * from './rules';
export * from './explain';
