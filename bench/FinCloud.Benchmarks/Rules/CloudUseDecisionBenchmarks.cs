using BenchmarkDotNet.Attributes;
using FinCloud.Rules.Calendar;
using FinCloud.Rules.CloudUse;

namespace FinCloud.Benchmarks.Rules;

/// <summary>One cloud-use decision (target: p50 under 5 µs, allocations limited to the result).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class CloudUseDecisionBenchmarks
{
    private readonly CloudUseScenario _postReportWithEvents = new(
        new DateOnly(2024, 3, 4),
        new Institution(Sector.Securities),
        new Workload("위탁매매 고객원장", ServiceModel.Iaas, false, true, false),
        new CspInfo("AWS", new FsiEvaluation(FsiEvaluationResult.Fail, new DateOnly(2023, 11, 1))),
        new CloudContract(new DateOnly(2024, 3, 11), new DateOnly(2024, 4, 1)),
        [new CloudUseEvent(CloudUseEventType.NewWork, new DateOnly(2024, 7, 8)), new CloudUseEvent(CloudUseEventType.CspMaterialChange, new DateOnly(2024, 5, 20))]);

    private readonly CloudUseScenario _preReport = new(
        new DateOnly(2022, 2, 14),
        new Institution(Sector.Card),
        new Workload("카드 결제 승인 시스템", ServiceModel.Iaas, false, false, true),
        new CspInfo("KT Cloud", null),
        new CloudContract(new DateOnly(2022, 2, 15), new DateOnly(2022, 3, 3)),
        []);

    [GlobalSetup]
    public void WarmUp() => CloudUseRules.Evaluate(_preReport);

    [Benchmark(Baseline = true)]
    public CloudUseDecision PreReport2022() => CloudUseRules.Evaluate(_preReport);

    [Benchmark]
    public CloudUseDecision PostReportWithTwoEvents2024() => CloudUseRules.Evaluate(_postReportWithEvents);
}

/// <summary><c>add-business-days</c> and friends (target: under 200 ns).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class BusinessDayBenchmarks
{
    private readonly HolidayCalendar _calendar = HolidayCalendar.Default;
    private readonly DateOnly _usage = new(2022, 10, 17);

    [GlobalSetup]
    public void WarmUp() => _calendar.AddBusinessDays(_usage, -7, CalendarKind.Exchange);

    [Benchmark]
    public DateOnly AddBusinessDaysBackSeven() => _calendar.AddBusinessDays(_usage, -7);

    [Benchmark]
    public DateOnly AddBusinessDaysForward250() => _calendar.AddBusinessDays(_usage, 250);

    [Benchmark]
    public bool IsBusinessDay() => _calendar.IsBusinessDay(_usage, CalendarKind.Bank);

    [Benchmark]
    public DateOnly ThreeMonthDueDate() => CivilPeriod.DueAfterMonths(new DateOnly(2025, 7, 3), 3, _calendar);
}
