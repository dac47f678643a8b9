// CliRun changes the process-wide working directory: test classes of this assembly must not run in
// parallel with each other, or one class restores a directory another class has already deleted.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
