export default defineBackground(() => {
  // Wiring only; the background's jobs (badge, commands, settings) arrive with their issues.
});
