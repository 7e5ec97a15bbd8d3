using FinCloud.Core.Tenancy;

namespace FinCloud.Core.CloudUse;

public enum CspInquiryStatus
{
    /// <summary>The link works and nothing has been answered yet.</summary>
    Open,
    Answered,
    Expired,
    Revoked,
}

/// <summary>
/// CSP 자료 요청: a secret link an institution sends the CSP, through which the CSP answers the case's evaluation items
/// without an account. Only the token's SHA-256 is stored; the link works for <see cref="ValidFor"/> and for one
/// submission. The answers are the CSP's statements: the institution still marks each item itself.
/// </summary>
public sealed class CspInquiry : ITenantOwned
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(30);

    public const int MaxCommentLength = 1000;

    private readonly List<CspInquiryAnswer> _answers = [];

    private CspInquiry()
    {
    }

    public Guid Id { get; private init; }

    public Guid OrganizationId { get; set; }

    public Guid CaseId { get; private init; }

    /// <summary>Who at the CSP it was sent to (a team or a person's role), for the institution's own list.</summary>
    public string Recipient { get; private init; } = "";

    public string TokenHash { get; private init; } = "";

    public DateTimeOffset CreatedAt { get; private init; }

    public DateTimeOffset ExpiresAt { get; private init; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Who answered, as the CSP gave it (name and role); shown to the institution only.</summary>
    public string? AnsweredBy { get; private set; }

    public IReadOnlyList<CspInquiryAnswer> Answers => _answers;

    public static (CspInquiry Inquiry, string Token) Create(Guid caseId, string recipient, DateTimeOffset now)
    {
        var token = SecretTokens.NewHex(32);
        return (new CspInquiry
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            Recipient = recipient.Trim(),
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + ValidFor,
        }, token);
    }

    public static string Hash(string token) => SecretTokens.Hash(token);

    public CspInquiryStatus StatusAt(DateTimeOffset now) =>
        RevokedAt is not null ? CspInquiryStatus.Revoked
        : AnsweredAt is not null ? CspInquiryStatus.Answered
        : now >= ExpiresAt ? CspInquiryStatus.Expired
        : CspInquiryStatus.Open;

    /// <summary>Records the CSP's answers; false when the link no longer takes answers.</summary>
    public bool Answer(string answeredBy, IEnumerable<(string ItemId, ItemOutcome Outcome, string? Comment)> answers, DateTimeOffset now)
    {
        if (StatusAt(now) != CspInquiryStatus.Open)
        {
            return false;
        }

        AnsweredBy = answeredBy.Trim();
        AnsweredAt = now;
        foreach (var (itemId, outcome, comment) in answers)
        {
            _answers.Add(new CspInquiryAnswer(Guid.CreateVersion7(now), Id, itemId, outcome, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()) { OrganizationId = OrganizationId });
        }

        return true;
    }

    public bool Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null || AnsweredAt is not null)
        {
            return false;
        }

        RevokedAt = now;
        return true;
    }
}

/// <summary>The CSP's answer to one evaluation item.</summary>
public sealed class CspInquiryAnswer(Guid id, Guid inquiryId, string itemId, ItemOutcome outcome, string? comment) : ITenantOwned
{
    public Guid Id { get; private init; } = id;

    public Guid OrganizationId { get; set; }

    public Guid InquiryId { get; private init; } = inquiryId;

    public string ItemId { get; private init; } = itemId;

    public ItemOutcome Outcome { get; private init; } = outcome;

    public string? Comment { get; private init; } = comment;
}
