using FinCloud.Scanner.Detection;
using FsCheck.Xunit;

namespace FinCloud.Scanner.Tests.Detection;

/// <summary>The bit masks must place triggers and digit-run ends exactly where a character-by-character look does.</summary>
public sealed class LineClassesTests
{
    private static readonly string[] Pieces = ["1", "9", "0", "０", "９", "@", "-", " ", "a", "가", "한", "😀", ",", "\uFF0D", "/"];

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    [Property(MaxTest = 1000)]
    public void Triggers_and_run_ends_match_a_plain_scan(int seed)
    {
        var random = new Random(seed);
        var line = string.Concat(Enumerable.Range(0, random.Next(0, 150)).Select(_ => Pieces[random.Next(Pieces.Length)]));
        var classes = new LineClasses();

        // Once with a longer line first: arrays left from it must not leak into the shorter one.
        classes.Classify(new string('7', 300));
        classes.Classify(line);

        for (var from = 0; from <= line.Length; from++)
        {
            var trigger = from;
            while (trigger < line.Length && !IsDigit(line[trigger]) && line[trigger] != '@')
            {
                trigger++;
            }

            classes.NextTrigger(from).ShouldBe(trigger < line.Length ? trigger : -1, $"next trigger from {from} in \"{line}\"");

            var end = from;
            while (end < line.Length && IsDigit(line[end]))
            {
                end++;
            }

            classes.RunEnd(from).ShouldBe(end, $"run end from {from} in \"{line}\"");
        }
    }

    [Property(MaxTest = 1000)]
    public void Field_index_counts_the_delimiters_outside_quotes_before_a_position(int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["a", "1", ",", "\t", "\"", "가", " ", "😀"];
        var line = string.Concat(Enumerable.Range(0, random.Next(1, 200)).Select(_ => pieces[random.Next(pieces.Length)]));
        var delimiter = random.Next(2) == 0 ? ',' : '\t';
        var quotesToggle = random.Next(3) != 0;
        var classes = new LineClasses();
        classes.Classify(line);

        var field = 0;
        var quoted = false;
        for (var position = 0; position < line.Length; position++)
        {
            classes.FieldIndex(line, position, delimiter, quotesToggle).ShouldBe(field, $"at {position} of \"{line}\"");
            if (line[position] == '"' && quotesToggle)
            {
                quoted = !quoted;
            }
            else if (line[position] == delimiter && !quoted)
            {
                field++;
            }
        }
    }
}
