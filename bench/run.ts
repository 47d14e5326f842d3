/** `npm run bench`: every benchmark; paste the tables into the README's Performance section. */
// One after another: modules with top-level await would otherwise run side by side, and two
// browser benchmarks sharing the machine would skew each other.
await import('./core');
await import('./background-heap');
await import('./popup-model');
await import('./popup-browser');
await import('./marking');
await import('./frames');
await import('./cold-start');
await import('./first-mark');
await import('./front-tab');
await import('./peer/run-peer');

export {};
