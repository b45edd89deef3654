/** Builds the React example to dist/ (relative URLs, so `npm start` can serve it from any path). */
import { defineConfig } from 'vite';

// No plugin needed for a build: Vite compiles TSX with the automatic runtime (tsconfig "jsx": "react-jsx").
export default defineConfig({ base: './' });
