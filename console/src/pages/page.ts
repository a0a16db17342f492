/** A page draws itself into `root` for the ARN in the URL and returns how to stop its polling. */
export type Page = (root: HTMLElement, arn: string) => () => void;
