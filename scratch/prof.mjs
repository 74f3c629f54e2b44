import { locatorMap } from '../dist/map/index.js';
import { resolveCountry } from '../dist/gazetteer/index.js';
const names = ['Australia','UK','Canada','Czechia','France','Germany','India','Italy','Japan','New Zealand','Poland'];
const req = { focus: resolveCountry('Albania'), countries: names.map((n) => ({ country: resolveCountry(n), group: 0 })), width: 153, height: 115, worldHeight: 70 };
for (let i = 0; i < 200; i++) locatorMap(req);
