using FinCloud.Scanner;
using FinCloud.Scanner.Detection;
using FsCheck.Xunit;

namespace FinCloud.Scanner.Tests.Detection;

/// <summary>A numeric value's normalized form is its digits, ASCII or full-width, in order, wherever it sits in its line.</summary>
public sealed class NormalizedValueTests
{
    private static readonly string[] Pieces = ["1", "9", "0", "０", "５", "９", "-", ".", " ", "가", "서울", "a", "\uFF0D", "/", "😀"];

    [Property(MaxTest = 1000)]
    public void Digits_of_any_value_at_any_position_in_order(int seed)
    {
        var random = new Random(seed);
        var line = string.Concat(Enumerable.Range(0, random.Next(1, 80)).Select(_ => Pieces[random.Next(Pieces.Length)]));
        var start = random.Next(line.Length);
        var end = Math.Min(line.Length, start + random.Next(0, 40));
        var expected = string.Concat(line[start..end].Where(c => c is >= '0' and <= '9' or >= '０' and <= '９').Select(c => (char)('0' + (c >= '０' ? c - '０' : c - '0'))));

        // With room for the vector steps, and without: both ways give the same digits.
        var roomy = new byte[end - start + 16];
        var tight = new byte[end - start];
        var written = NormalizedValue.Write(line, start, end, IdentifierType.Account, roomy);
        System.Text.Encoding.ASCII.GetString(roomy, 0, written).ShouldBe(expected, $"[{start}, {end}) of \"{line}\"");
        written = NormalizedValue.Write(line, start, end, IdentifierType.Account, tight);
        System.Text.Encoding.ASCII.GetString(tight, 0, written).ShouldBe(expected, $"[{start}, {end}) of \"{line}\", tight");
    }
}
