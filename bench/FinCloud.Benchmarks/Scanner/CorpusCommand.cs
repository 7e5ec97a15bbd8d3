using System.Globalization;
using FinCloud.Scanner.Corpus;

namespace FinCloud.Benchmarks.Scanner;

/// <summary><c>scanner-corpus FOLDER [SCALE] [SEED]</c>: writes the labelled Korean corpus (files plus labels.jsonl beside the folder).</summary>
public static class CorpusCommand
{
    public static int Run(string[] args)
    {
        var folder = args[0];
        var scale = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
        var seed = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var files = new KoreanCorpus(seed, new DateOnly(2026, 11, 27)).Standard(scale);
        Directory.CreateDirectory(folder);
        KoreanCorpus.Write(folder, files, folder.TrimEnd('/') + ".labels.jsonl");
        Console.WriteLine($"{files.Sum(f => f.Lines.Count)} lines, {files.Sum(f => f.Labels.Count)} labels in {folder}");
        return 0;
    }
}
