using System.Globalization;
using System.Text;

namespace FinCloud.Scanner.Corpus;

/// <summary>
/// Synthetic identifiers built from the published rules (never real people's numbers), each with the digits the
/// scanner should hash. Written forms are chosen by the caller.
/// </summary>
public static class Identifiers
{
    private static readonly int[] ResidentWeights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

    /// <summary>A 13-digit resident number with a real birth date before <paramref name="latest"/>.</summary>
    /// <param name="random">The generator's source of randomness.</param>
    /// <param name="foreigner">G 5–8 instead of 1–4.</param>
    /// <param name="validChecksum">With the legacy check digit, or deliberately without (as numbers issued since 2020-10).</param>
    /// <param name="latest">The last allowed birth date.</param>
    public static string Resident(Random random, bool foreigner, bool validChecksum, DateOnly latest)
    {
        var start = new DateOnly(1935, 1, 1);
        var birth = start.AddDays(random.Next(latest.DayNumber - start.DayNumber));
        var g = (birth.Year >= 2000 ? 3 : 1) + random.Next(2) + (foreigner ? 4 : 0);
        var digits = new StringBuilder(birth.ToString("yyMMdd", CultureInfo.InvariantCulture));
        digits.Append(g);
        for (var i = 0; i < 5; i++)
        {
            digits.Append(random.Next(10));
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (digits[i] - '0') * ResidentWeights[i];
        }

        var check = (11 - (sum % 11)) % 10;
        var alternative = (13 - (sum % 11)) % 10;
        if (!validChecksum)
        {
            // Any digit that neither rule accepts.
            do
            {
                check = random.Next(10);
            }
            while (check == (11 - (sum % 11)) % 10 || (foreigner && check == alternative));
        }
        else if (foreigner && random.Next(2) == 0)
        {
            check = alternative;
        }

        digits.Append(check);
        return digits.ToString();
    }

    public static int Luhn(string payload)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (10 - (sum % 10)) % 10;
    }

    private static readonly string[] CardPrefixes = ["4", "51", "52", "53", "54", "55", "2221", "2720", "35", "62", "9"];

    /// <summary>A card number with a listed prefix and a Luhn check digit (16 digits, or 15 for 34/37).</summary>
    public static string Card(Random random, bool validLuhn = true)
    {
        var fifteen = random.Next(6) == 0;
        var prefix = fifteen ? (random.Next(2) == 0 ? "34" : "37") : CardPrefixes[random.Next(CardPrefixes.Length)];
        var length = fifteen ? 15 : 16;
        var payload = new StringBuilder(prefix);
        while (payload.Length < length - 1)
        {
            payload.Append(random.Next(10));
        }

        var check = Luhn(payload.ToString());
        if (!validLuhn)
        {
            check = (check + 1 + random.Next(9)) % 10;
        }

        return payload.Append(check).ToString();
    }

    public static string Brn(Random random)
    {
        var office = 101 + random.Next(899);
        var kind = 1 + random.Next(99);
        var serial = 1 + random.Next(9999);
        var digits = string.Create(CultureInfo.InvariantCulture, $"{office:D3}{kind:D2}{serial:D4}");
        int[] k = [1, 3, 7, 1, 3, 7, 1, 3, 5];
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * k[i];
        }

        sum += (digits[8] - '0') * 5 / 10;
        return digits + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A phone number and its written form (a form the rules accept for its prefix).</summary>
    public static (string Digits, string Written) Phone(Random random)
    {
        string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => random.Next(10).ToString(CultureInfo.InvariantCulture)));
        switch (random.Next(6))
        {
            case 0:
            case 1:
                {
                    var (a, b) = (Digits(4), Digits(4));
                    return ($"010{a}{b}", random.Next(3) switch { 0 => $"010{a}{b}", 1 => $"010 {a} {b}", _ => $"010-{a}-{b}" });
                }

            case 2:
                {
                    var (a, b) = (Digits(3 + random.Next(2)), Digits(4));
                    return ($"02{a}{b}", $"02-{a}-{b}");
                }

            case 3:
                {
                    string[] codes = ["031", "032", "033", "041", "042", "043", "044", "051", "052", "053", "054", "055", "061", "062", "063", "064"];
                    var code = codes[random.Next(codes.Length)];
                    var (a, b) = (Digits(3 + random.Next(2)), Digits(4));
                    return ($"{code}{a}{b}", random.Next(2) == 0 ? $"{code}-{a}-{b}" : $"{code}.{a}.{b}");
                }

            case 4:
                {
                    var (a, b) = (Digits(4), Digits(4));
                    return ($"070{a}{b}", $"070-{a}-{b}");
                }

            default:
                {
                    var code = new[] { "011", "016", "017", "018", "019" }[random.Next(5)];
                    var (a, b) = (Digits(3 + random.Next(2)), Digits(4));
                    return ($"{code}{a}{b}", random.Next(2) == 0 ? $"{code}{a}{b}" : $"{code}-{a}-{b}");
                }
        }
    }

    public static string DriverLicense(Random random)
    {
        int[] regions = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28];
        return string.Create(CultureInfo.InvariantCulture,
            $"{regions[random.Next(regions.Length)]:D2}{random.Next(100):D2}{random.Next(1_000_000):D6}{random.Next(100):D2}");
    }

    /// <summary>Old (letter + 8 digits) or new (letter + 3 digits + letter + 4 digits) passport form.</summary>
    public static string Passport(Random random, bool newForm)
    {
        var letter = "DGMORS"[random.Next(6)];
        return newForm
            ? string.Create(CultureInfo.InvariantCulture, $"{letter}{random.Next(1000):D3}{(char)('A' + random.Next(26))}{random.Next(10000):D4}")
            : string.Create(CultureInfo.InvariantCulture, $"{letter}{random.Next(100_000_000):D8}");
    }

    /// <summary>A bank account in a hyphenated bank layout (3-3-6, 6-2-6, 4-3-6, 3-2-6) or bare 12/14 digits.</summary>
    public static (string Digits, string Written) Account(Random random)
    {
        int[][] layouts = [[3, 3, 6], [6, 2, 6], [4, 3, 6], [3, 2, 6], [12], [14]];
        var layout = layouts[random.Next(layouts.Length)];
        var groups = layout.Select((n, i) =>
        {
            var first = i == 0 ? 1 + random.Next(9) : random.Next(10);
            return first.ToString(CultureInfo.InvariantCulture) +
                   string.Concat(Enumerable.Range(1, n - 1).Select(_ => random.Next(10).ToString(CultureInfo.InvariantCulture)));
        }).ToArray();
        return (string.Concat(groups), string.Join('-', groups));
    }

    private static readonly string[] LocalParts = ["hong.gildong", "kim_js92", "lee.minho", "park-sy", "choi.eunji", "jung0412", "kang.dh", "yoon+news", "lim.soyeon", "han_jw"];
    private static readonly string[] Domains = ["naver.com", "daum.net", "gmail.com", "kakao.com", "hanmail.net", "fincloud.co.kr", "example-bank.co.kr"];

    public static string Email(Random random) =>
        $"{LocalParts[random.Next(LocalParts.Length)]}{random.Next(100)}@{Domains[random.Next(Domains.Length)]}";

    /// <summary>6-7 with a hyphen, 6-7 with a space, or bare.</summary>
    public static string ResidentWritten(Random random, string digits) => random.Next(4) switch
    {
        0 => digits,
        1 => $"{digits[..6]} {digits[6..]}",
        _ => $"{digits[..6]}-{digits[6..]}",
    };

    public static string CardWritten(Random random, string digits)
    {
        if (digits.Length == 15)
        {
            return random.Next(2) == 0 ? digits : $"{digits[..4]}-{digits[4..10]}-{digits[10..]}";
        }

        var separator = random.Next(4) switch { 0 => "", 1 => " ", _ => "-" };
        return separator.Length == 0 ? digits : string.Join(separator, digits.Chunk(4).Select(c => new string(c)));
    }

    /// <summary>Replaces ASCII digits and '-' with their full-width forms (as some Korean documents write them).</summary>
    public static string FullWidth(string text) => new([.. text.Select(c => c switch
    {
        >= '0' and <= '9' => (char)('\uFF10' + (c - '0')),
        '-' => '\uFF0D',
        _ => c,
    })]);
}
