// The version the tool reports: the root package's, which the build also writes into cli/.
import { version } from '../../package.json';

export const VERSION: string = version;
