// Fixture: a module that forgot to export `handler`.
export const notTheHandler = () => 'nothing';
