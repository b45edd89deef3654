// @azure/msal-browser's minimal real import.
import { PublicClientApplication } from '@azure/msal-browser';
window.Bench = { PublicClientApplication };
