namespace FinCloud.Rules;

/// <summary>한국 표준시 (KST, UTC+9): regulatory dates are days in Korea, converted once at the edge.</summary>
public static class KoreanTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(TimeProvider clock) => ToKoreanDate(clock.GetUtcNow());

    public static DateOnly ToKoreanDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);
}
