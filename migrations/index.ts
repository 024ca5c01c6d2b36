import * as migration_20261128_212449_initial from './20261128_212449_initial';

export const migrations = [
  {
    up: migration_20261128_212449_initial.up,
    down: migration_20261128_212449_initial.down,
    name: '20261128_212449_initial'
  },
];
