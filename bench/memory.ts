// Run alone in a child process: generates a plan of the given size, validates it once as the
// benchmark does, and prints the process's peak resident memory as JSON.
import { analyzePlan } from '../src/domain/analyze';
import { generatePlan } from './generate';

const objects = Number(process.argv[2]);
const seed = Number(process.argv[3]);
const mb = (bytes: number) => bytes / 1048576;
const plan = generatePlan(objects, seed);
const afterGenerate = mb(process.memoryUsage().rss);
const cluster = plan.clusters.find((c) => c.mode !== 'vpc-cni')!;
analyzePlan(plan, { kind: 'clusters', ids: [cluster.id] });
const peak = process.resourceUsage().maxRSS / 1024; // KiB → MiB
process.stdout.write(JSON.stringify({ afterGenerateMb: afterGenerate, peakRssMb: peak }) + '\n');
