using BenchmarkDotNet.Running;
using FinCloud.Benchmarks.Scanner;

// Scanner and page commands run outside BenchmarkDotNet: they time whole processes and HTTP round trips.
return args.FirstOrDefault() switch
{
    "scanner-corpus" => CorpusCommand.Run(args[1..]),
    "scanner-e2e" => EndToEndCommand.Run(args[1..]),
    "scanner-profile" => ProfileCommand.Run(args[1..]),
    "pages" => FinCloud.Benchmarks.Pages.PagesCommand.Run(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(CorpusCommand).Assembly).Run(args);
    return 0;
}
