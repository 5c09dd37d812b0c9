import { defineBackground } from '#imports';
import { registerHandlers } from '@/lib/background/handlers';

export default defineBackground({
  type: 'module',
  main() {
    registerHandlers();
  },
});
