using System.Globalization;
using FinCloud.Scanner.Corpus;
using FsCheck.Xunit;

namespace FinCloud.Scanner.Tests.Detection;

/// <summary>Properties per identifier over generated numbers: found anywhere, mutations judged by an oracle, never inside longer runs.</summary>
public sealed class IdentifierProperties
{
    private static readonly string[] Neutral = ["오늘", "고객님", "확인", "부탁드립니다", "처리", "완료", "메모:", "(참고)", "—", "안내"];

    private static string Around(Random random, string value)
    {
        var before = string.Join(' ', Enumerable.Range(0, random.Next(4)).Select(_ => Neutral[random.Next(Neutral.Length)]));
        var after = string.Join(' ', Enumerable.Range(0, random.Next(4)).Select(_ => Neutral[random.Next(Neutral.Length)]));
        return $"{before} {value} {after}".Trim();
    }

    /// <summary>A valid value of each kind, written in a form the rules accept, with the context it needs.</summary>
    private static (IdentifierType Type, string Normalized, string Written) Valid(Random random)
    {
        switch (random.Next(13))
        {
            case 0:
                {
                    var rrn = Identifiers.Resident(random, false, true, Scan.Today);
                    return (IdentifierType.Rrn, rrn, Identifiers.ResidentWritten(random, rrn));
                }

            case 1:
                {
                    var arn = Identifiers.Resident(random, true, true, Scan.Today);
                    return (IdentifierType.ForeignerRn, arn, Identifiers.ResidentWritten(random, arn));
                }

            case 2:
                {
                    var rrn = Identifiers.Resident(random, false, false, Scan.Today);
                    return (IdentifierType.Rrn, rrn, "주민등록번호: " + Identifiers.ResidentWritten(random, rrn));
                }

            case 3:
                {
                    var card = Identifiers.Card(random);
                    var written = Identifiers.CardWritten(random, card);
                    return (IdentifierType.Card, card, random.Next(3) == 0 ? Identifiers.FullWidth(written) : written);
                }

            case 4:
                {
                    var brn = Identifiers.Brn(random);
                    return (IdentifierType.Brn, brn, $"{brn[..3]}-{brn[3..5]}-{brn[5..]}");
                }

            case 5:
                {
                    var brn = Identifiers.Brn(random);
                    return (IdentifierType.Brn, brn, $"사업자번호 {brn}");
                }

            case 6:
                {
                    var (digits, written) = Identifiers.Phone(random);
                    return (IdentifierType.Phone, digits, written);
                }

            case 7:
                {
                    var licence = Identifiers.DriverLicense(random);
                    return (IdentifierType.DriverLicense, licence, $"{licence[..2]}-{licence[2..4]}-{licence[4..10]}-{licence[10..]}");
                }

            case 8:
                {
                    var licence = Identifiers.DriverLicense(random);
                    return (IdentifierType.DriverLicense, licence, $"운전면허번호 {licence}");
                }

            case 9:
                {
                    var passport = Identifiers.Passport(random, newForm: true);
                    return (IdentifierType.Passport, passport, passport);
                }

            case 10:
                {
                    var passport = Identifiers.Passport(random, newForm: false);
                    return (IdentifierType.Passport, passport, $"여권번호 {passport}");
                }

            case 11:
                {
                    var (digits, written) = Identifiers.Account(random);
                    return (IdentifierType.Account, digits, $"입금계좌 {written}");
                }

            default:
                {
                    var email = Identifiers.Email(random);
                    return (IdentifierType.Email, email, email);
                }
        }
    }

    [Property(MaxTest = 500)]
    public bool Generated_valid_values_are_found_with_their_normalized_value(int seed)
    {
        var random = new Random(seed);
        var (type, normalized, written) = Valid(random);
        var findings = Scan.Line(Around(random, written));
        return findings.Count == 1 && findings[0].Type == type && findings[0].Value == normalized;
    }

    /// <summary>Addresses of any length, anywhere in a line: the extent is found in steps of sixteen characters.</summary>
    [Property(MaxTest = 1000)]
    public bool An_address_of_any_length_is_found_whole(int seed)
    {
        var random = new Random(seed);
        string Atom(string alphabet, int max) =>
            new([.. Enumerable.Range(0, random.Next(1, max + 1)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var local = string.Join('.', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Atom("abcxyzABZ0189_%+-", 14)));
        var labels = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Atom("abz09", 1) + (random.Next(2) == 0 ? "" : Atom("abz09-", 12) + Atom("abz09", 1)));
        var address = $"{local}@{string.Join('.', labels)}.{Atom("comkrORG", 5)}r";
        var normalized = address.ToLowerInvariant();
        var before = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => "가 <(:"[random.Next(5)]));
        var after = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => "나 >):"[random.Next(5)]));
        var findings = Scan.Line(before + address + after);
        return findings.Count == 1 && findings[0].Type == IdentifierType.Email && findings[0].Value == normalized &&
               findings[0].Column == before.Length + 1;
    }

    [Property(MaxTest = 500)]
    public bool Values_inside_longer_digit_runs_are_not_found(int seed)
    {
        var random = new Random(seed);
        var (_, normalized, _) = Valid(random);
        if (!char.IsAsciiDigit(normalized[0]))
        {
            return true;
        }

        var digit = random.Next(10).ToString(CultureInfo.InvariantCulture);
        var embedded = random.Next(4) switch
        {
            0 => digit + normalized,
            1 => normalized + digit,
            2 => $"{digit}-{normalized}",
            _ => $"{normalized}.{digit}",
        };
        return Scan.Line(Around(random, embedded)).Count == 0;
    }

    private static readonly int[] Weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    /// <summary>An independent reading of §4.1/§4.2 for the mutation property.</summary>
    private static (IdentifierType Type, bool Valid)? ResidentOracle(string digits)
    {
        var g = digits[6] - '0';
        var century = g is 1 or 2 or 5 or 6 ? 1900 : g is 3 or 4 or 7 or 8 ? 2000 : 0;
        if (century == 0 || !DateOnly.TryParseExact($"{century + int.Parse(digits[..2], CultureInfo.InvariantCulture)}{digits[2..6]}", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth > Scan.Today)
        {
            return null;
        }

        var s = digits.Take(12).Select((c, i) => (c - '0') * Weights[i]).Sum() % 11;
        var check = digits[12] - '0';
        return g <= 4
            ? (IdentifierType.Rrn, check == (11 - s) % 10)
            : (IdentifierType.ForeignerRn, check == (11 - s) % 10 || check == (13 - s) % 10);
    }

    private static string Mutate(Random random, string digits)
    {
        var position = random.Next(digits.Length);
        var replacement = (char)('0' + ((digits[position] - '0' + 1 + random.Next(9)) % 10));
        return digits[..position] + replacement + digits[(position + 1)..];
    }

    [Property(MaxTest = 500)]
    public bool A_mutated_resident_number_changes_checksum_or_drops_as_the_rules_say(int seed)
    {
        var random = new Random(seed);
        var original = Identifiers.Resident(random, random.Next(2) == 0, true, Scan.Today);
        var mutated = Mutate(random, original);
        var expected = ResidentOracle(mutated);
        var withContext = Scan.Line($"실명번호 {mutated[..6]}-{mutated[6..]}");
        var bare = Scan.Line($"참조 {mutated}");
        if (expected is null)
        {
            return withContext.Count == 0 && bare.Count == 0;
        }

        var (type, valid) = expected.Value;
        var checksum = valid ? ChecksumStatus.Valid : ChecksumStatus.Invalid;
        return withContext.Count == 1 && withContext[0].Type == type && withContext[0].Checksum == checksum &&
               bare.Count == (valid ? 1 : 0);
    }

    [Property(MaxTest = 300)]
    public bool A_card_with_one_digit_changed_is_no_card(int seed)
    {
        var random = new Random(seed);
        var mutated = Mutate(random, Identifiers.Card(random));
        return Scan.Line($"카드번호 {mutated}").All(f => f.Type != IdentifierType.Card);
    }

    [Property(MaxTest = 300)]
    public bool A_business_number_with_one_digit_changed_is_found_only_if_its_check_digit_still_holds(int seed)
    {
        var random = new Random(seed);
        var mutated = Mutate(random, Identifiers.Brn(random));
        int[] k = [1, 3, 7, 1, 3, 7, 1, 3, 5];
        var d = mutated.Select(c => c - '0').ToArray();
        var sum = Enumerable.Range(0, 9).Sum(i => d[i] * k[i]) + (d[8] * 5 / 10);
        var holds = d[9] == (10 - (sum % 10)) % 10 && (d[0] * 100) + (d[1] * 10) + d[2] >= 101 && (d[3], d[4]) != (0, 0) && mutated[5..9] != "0000";
        var found = Scan.Line($"{mutated[..3]}-{mutated[3..5]}-{mutated[5..]}").Any(f => f.Type == IdentifierType.Brn);
        return found == holds;
    }

    [Property(MaxTest = 300)]
    public bool Mixed_separators_never_make_a_value(int seed)
    {
        var random = new Random(seed);
        var rrn = Identifiers.Resident(random, false, true, Scan.Today);
        var card = Identifiers.Card(random);
        if (card.Length != 16)
        {
            return true;
        }

        return Scan.Line($"{card[..4]}-{card[4..8]} {card[8..12]}-{card[12..]}").Count == 0 &&
               Scan.Line($"{rrn[..3]}-{rrn[3..6]} {rrn[6..]}").Count == 0;
    }
}
