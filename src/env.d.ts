/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    user: import('./server/auth/session').SessionUser | null;
    session: import('./server/auth/session').ValidSession | null;
  }
}
