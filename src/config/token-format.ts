// The shape of an API token. It lives with the configuration because the environment
// checks BOOTSTRAP_ADMIN_TOKEN against it at start, and config sits below every room;
// auth/ generates and accepts tokens by it.
export const TOKEN_PREFIX = 'cd_';

// Every token the service accepts: the prefix, then at least 32 URL-safe characters (a
// generated one has 43). Anything else is refused without a database lookup.
export const TOKEN_SHAPE = /^cd_[A-Za-z0-9_-]{32,197}$/;
