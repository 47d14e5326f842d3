/** `npm run bench`: every benchmark; paste the tables into the README's Performance section. */
import './core';
