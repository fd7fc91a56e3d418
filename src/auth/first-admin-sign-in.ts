// How the first admin, created at first start, gets a way to sign in at the desk besides
// the printed token: auth/ declares it, identity/ (a floor above) provides a one-time
// passkey invitation link. Absent (the operator CLI), only the token is printed.
export abstract class FirstAdminSignIn {
  abstract linkFor(userId: string): Promise<string>;
}
