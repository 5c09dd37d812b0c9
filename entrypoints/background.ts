import { defineBackground } from '#imports';
import { registerHandlers } from '@/lib/background/handlers';
import { watchPresetAccess } from '@/lib/background/preset-access';

export default defineBackground({
  type: 'module',
  main() {
    registerHandlers();
    watchPresetAccess();
  },
});
