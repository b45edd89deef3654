// @authing/web's minimal real import.
import { Authing } from '@authing/web';
window.Bench = { Authing };
