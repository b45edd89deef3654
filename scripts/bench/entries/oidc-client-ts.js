// oidc-client-ts's minimal real import.
import { UserManager } from 'oidc-client-ts';
window.Bench = { UserManager };
