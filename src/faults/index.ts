// Seeded fault injection for the embedded endpoint's DynamoDB (format: ./README.md).
export { parseFaultPlan, loadFaultPlan, faultPlanFromEnv, FAULTS_ENV, type FaultPlan } from './fault-plan';
export { withFaults, type FaultInjectingHandler } from './with-faults';
export { FaultSchedule, type FaultReport } from './fault-schedule';
export { faultReportLines } from './fault-report-lines';
