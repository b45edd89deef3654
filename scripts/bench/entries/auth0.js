// auth0-spa-js's minimal real import (its documented entry point).
import { Auth0Client, createAuth0Client } from '@auth0/auth0-spa-js';
window.Bench = { createAuth0Client, Auth0Client };
