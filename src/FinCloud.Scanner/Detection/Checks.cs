namespace FinCloud.Scanner.Detection;

/// <summary>Check digits and validity rules of scan-labels §4, on digit values 0–9.</summary>
/// <remarks>
/// The checks run for every candidate and are compiled fully optimised at once (as are the detector's other helpers
/// that are called rather than inlined): a scan is one short process, and while other work loaded the machine the
/// tiering thread left them in unoptimised code for seconds, up to a tenth of a dense CSV scan.
/// </remarks>
public static class Checks
{
    private static readonly int[] ResidentWeights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
    private static readonly int[] BrnWeights = [1, 3, 7, 1, 3, 7, 1, 3, 5];

    /// <summary>S = Σ dᵢ·wᵢ over the first 12 digits of a 주민등록번호 or 외국인등록번호.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static int ResidentWeightedSum(ReadOnlySpan<byte> digits)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += digits[i] * ResidentWeights[i];
        }

        return sum;
    }

    /// <summary>The legacy 주민등록번호 check digit: (11 − S mod 11) mod 10.</summary>
    public static bool RrnChecksumHolds(ReadOnlySpan<byte> digits) =>
        digits[12] == (11 - (ResidentWeightedSum(digits) % 11)) % 10;

    /// <summary>외국인등록번호: either (11 − S mod 11) mod 10 or (13 − S mod 11) mod 10, both rules being in use.</summary>
    public static bool ForeignerChecksumHolds(ReadOnlySpan<byte> digits)
    {
        var s = ResidentWeightedSum(digits) % 11;
        return digits[12] == (11 - s) % 10 || digits[12] == (13 - s) % 10;
    }

    /// <summary>
    /// The birth date of a 13-digit resident or foreigner number, when YYMMDD is a real date in the century
    /// its gender digit gives; null for G 0 or 9 or an impossible date.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static DateOnly? ResidentBirthDate(ReadOnlySpan<byte> digits)
    {
        var century = digits[6] switch
        {
            1 or 2 or 5 or 6 => 1900,
            3 or 4 or 7 or 8 => 2000,
            _ => 0,
        };
        if (century == 0)
        {
            return null;
        }

        var year = century + (digits[0] * 10) + digits[1];
        var month = (digits[2] * 10) + digits[3];
        var day = (digits[4] * 10) + digits[5];
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        return new DateOnly(year, month, day);
    }

    /// <summary>The Luhn check over all digits.</summary>
    /// <remarks>Every second digit from the right is doubled by table, not by a test per digit.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool LuhnHolds(ReadOnlySpan<byte> digits)
    {
        ReadOnlySpan<byte> doubled = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
        var sum = 0;
        for (var i = digits.Length - 1; i >= 0; i -= 2)
        {
            sum += digits[i];
        }

        for (var i = digits.Length - 2; i >= 0; i -= 2)
        {
            sum += doubled[digits[i]];
        }

        return sum % 10 == 0;
    }

    /// <summary>§4.3: card prefixes for 16 digits (4, 51–55, 2221–2720, 35, 62, 9) and 15 digits (34, 37).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool CardPrefixHolds(ReadOnlySpan<byte> digits)
    {
        var two = (digits[0] * 10) + digits[1];
        if (digits.Length == 15)
        {
            return two is 34 or 37;
        }

        if (digits.Length != 16)
        {
            return false;
        }

        var four = (two * 100) + (digits[2] * 10) + digits[3];
        return digits[0] is 4 or 9 || two is (>= 51 and <= 55) or 35 or 62 || four is >= 2221 and <= 2720;
    }

    /// <summary>§4.4: 사업자등록번호 structure and check digit.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool BrnHolds(ReadOnlySpan<byte> digits)
    {
        var office = (digits[0] * 100) + (digits[1] * 10) + digits[2];
        if (office < 101 || (digits[3] == 0 && digits[4] == 0) ||
            (digits[5] == 0 && digits[6] == 0 && digits[7] == 0 && digits[8] == 0))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * BrnWeights[i];
        }

        sum += digits[8] * 5 / 10;
        return digits[9] == (10 - (sum % 10)) % 10;
    }

    /// <summary>§4.6: driver-licence region codes 11–26 and 28.</summary>
    public static bool DriverRegionHolds(ReadOnlySpan<byte> digits)
    {
        var region = (digits[0] * 10) + digits[1];
        return region is (>= 11 and <= 26) or 28;
    }
}
