using BenchmarkDotNet.Running;
using FinCloud.Benchmarks.Scanner;

// Scanner commands run outside BenchmarkDotNet: they time the whole CLI on generated corpora.
return args.FirstOrDefault() switch
{
    "scanner-corpus" => CorpusCommand.Run(args[1..]),
    "scanner-e2e" => EndToEndCommand.Run(args[1..]),
    "scanner-profile" => ProfileCommand.Run(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(CorpusCommand).Assembly).Run(args);
    return 0;
}
