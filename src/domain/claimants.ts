// Claimants (SPEC §15): the limits the API validates and the desk's forms count against.
export const CLAIMANT_NAME_MAX = 200;
export const CLAIMANT_DESCRIPTION_MAX = 2000;
export const MAX_CLAIMANT_ALIASES = 50;
// How many of a claimant's claims GET /claimants/:id lists, newest first.
export const CLAIMANT_LATEST_CLAIMS = 20;
