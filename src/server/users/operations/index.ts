/** Every sign-in and account use case, for the adapters and tests. */
export { getCurrentUser } from './get-current-user';
export { requestPasswordReset } from './request-password-reset';
export { resetPassword } from './reset-password';
export { signIn } from './sign-in';
export { signOut } from './sign-out';
