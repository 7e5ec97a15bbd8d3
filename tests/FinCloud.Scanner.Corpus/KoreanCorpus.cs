using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace FinCloud.Scanner.Corpus;

/// <summary>One identifier the scanner must report: the acceptance key of scan-labels.md.</summary>
/// <param name="Path">File path relative to the corpus folder ('/'-separated).</param>
/// <param name="Line">1-based line.</param>
/// <param name="Type">Contract type name.</param>
/// <param name="Value">The normalized value (kept for diagnosis; the key uses its hash).</param>
public sealed record Label(string Path, long Line, string Type, string Value)
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Value)));

    public string Key => $"{Path}|{Line}|{Type}|{Sha256}";
}

/// <summary>A generated text file and the findings it holds.</summary>
public sealed record GeneratedFile(string Name, IReadOnlyList<string> Lines, IReadOnlyList<Label> Labels);

/// <summary>
/// Deterministic realistic Korean data with ground truth: customer and transaction exports, chat and memo text,
/// application logs and JSON Lines, and hard negatives (dates, timestamps, order numbers, amounts, Luhn-failing
/// cards, impossible dates, corporate numbers, masked values). Every line is built so that the labels are exactly
/// what scan-labels.md makes of it.
/// </summary>
public sealed class KoreanCorpus(int seed, DateOnly today)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권"];
    private static readonly string[] GivenNames = ["민준", "서연", "도윤", "지우", "하준", "서윤", "시우", "지민", "예준", "하은", "길동", "수빈", "영희", "철수"];
    private static readonly string[] Banks = ["국민", "신한", "우리", "하나", "농협", "기업", "카카오", "케이", "수협", "부산"];
    private static readonly string[] Streets = ["테헤란로", "세종대로", "올림픽로", "해운대로", "중앙대로", "판교역로", "디지털로", "도산대로"];
    private static readonly string[] Districts = ["서울특별시 강남구", "서울특별시 종로구", "부산광역시 해운대구", "경기도 성남시 분당구", "인천광역시 연수구", "대구광역시 수성구", "광주광역시 서구"];
    private static readonly string[] Memos = ["급여", "관리비", "스타벅스", "쿠팡 결제", "월세", "통신요금", "보험료", "점심 식대", "교통비", "환불"];
    private static readonly string[] Regions = ["서울", "부산", "경기", "강원", "충북", "충남", "전북", "전남", "경북", "경남", "제주", "대구", "인천", "광주", "대전", "울산"];
    private static readonly string[] Words =
    [
        "오늘", "고객님께서", "문의하신", "내용을", "확인했습니다", "상담", "결과", "안내", "드립니다", "처리", "완료되었습니다", "다음", "주에",
        "다시", "연락", "부탁드립니다", "서비스", "이용", "감사합니다", "변경", "요청", "접수", "되었습니다", "담당자가", "검토", "예정입니다",
        "클라우드", "이전", "프로젝트", "일정", "회의", "자료", "공유", "보안", "점검", "결과를", "정리해서", "보내주세요",
    ];

    public DateOnly Today { get; } = today;

    private string Name() => Surnames[_random.Next(Surnames.Length)] + GivenNames[_random.Next(GivenNames.Length)];

    private string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => _random.Next(10).ToString(CultureInfo.InvariantCulture)));

    private string Date() => new DateOnly(2019, 1, 1).AddDays(_random.Next(2500)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Time() => string.Create(CultureInfo.InvariantCulture, $"{_random.Next(24):D2}:{_random.Next(60):D2}:{_random.Next(60):D2}");

    private string Address()
    {
        var text = $"{Districts[_random.Next(Districts.Length)]} {Streets[_random.Next(Streets.Length)]} {1 + _random.Next(400)}";
        return _random.Next(3) == 0 ? $"\"{text}, {1 + _random.Next(20)}층\"" : text;
    }

    private DateOnly LatestBirth => Today.AddDays(-1);

    /// <summary>customers.csv: header context makes checksum-failing resident numbers and accounts findings.</summary>
    public GeneratedFile Customers(string name, int rows)
    {
        var lines = new List<string> { "고객번호,성명,주민등록번호,휴대폰,이메일,주소,계좌번호,가입일" };
        var labels = new List<Label>();
        for (var i = 0; i < rows; i++)
        {
            var line = lines.Count + 1;
            var roll = _random.Next(20);
            string rrnField;
            if (roll == 0)
            {
                // Masked: a 6-digit and a 1-digit group, no finding.
                var masked = Identifiers.Resident(_random, false, true, LatestBirth);
                rrnField = $"{masked[..6]}-{masked[6]}******";
            }
            else
            {
                var foreigner = roll == 1;
                var digits = Identifiers.Resident(_random, foreigner, roll > 4, LatestBirth);
                rrnField = Identifiers.ResidentWritten(_random, digits);
                labels.Add(new Label(name, line, foreigner ? "foreigner-rn" : "rrn", digits));
            }

            var (phone, phoneWritten) = Identifiers.Phone(_random);
            labels.Add(new Label(name, line, "phone", phone));
            var email = Identifiers.Email(_random);
            labels.Add(new Label(name, line, "email", email.ToLowerInvariant()));
            var (account, accountWritten) = Identifiers.Account(_random);
            labels.Add(new Label(name, line, "account", account));
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"C{i + 1:D7},{Name()},{rrnField},{phoneWritten},{email},{Address()},{accountWritten},{Date()}"));
        }

        return new GeneratedFile(name, lines, labels);
    }

    /// <summary>transactions.csv: amounts, balances, dates and approval numbers around accounts and cards.</summary>
    public GeneratedFile Transactions(string name, int rows)
    {
        string[] kinds = ["입금", "출금", "이체", "카드승인"];
        var lines = new List<string> { "거래일시,거래구분,금액,잔액,상대계좌,카드번호,승인번호,적요" };
        var labels = new List<Label>();
        for (var i = 0; i < rows; i++)
        {
            var line = lines.Count + 1;
            var amount = 1000 + _random.Next(9_999_000);
            var amountField = _random.Next(3) == 0 ? $"\"{amount.ToString("N0", CultureInfo.InvariantCulture)}\"" : amount.ToString(CultureInfo.InvariantCulture);
            var balance = _random.Next(999_999_999);
            var accountField = "";
            if (_random.Next(4) != 0)
            {
                var (account, written) = Identifiers.Account(_random);
                accountField = written;
                labels.Add(new Label(name, line, "account", account));
            }

            var cardField = "";
            var cardRoll = _random.Next(10);
            if (cardRoll < 6)
            {
                var card = Identifiers.Card(_random);
                cardField = Identifiers.CardWritten(_random, card);
                labels.Add(new Label(name, line, "card", card));
            }
            else if (cardRoll < 8)
            {
                cardField = Identifiers.CardWritten(_random, Identifiers.Card(_random, validLuhn: false));
            }
            else if (cardRoll < 9)
            {
                var card = Identifiers.Card(_random);
                cardField = $"{card[..4]}-****-****-{card[^4..]}";
            }

            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{Date()} {Time()},{kinds[_random.Next(kinds.Length)]},{amountField},{balance},{accountField},{cardField},{Digits(8)},{Memos[_random.Next(Memos.Length)]}"));
        }

        return new GeneratedFile(name, lines, labels);
    }

    private string Filler(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[_random.Next(Words.Length)]));

    /// <summary>Chat and memo text: identifiers in sentences with keywords, particles, full-width digits, and hard negatives.</summary>
    /// <param name="name">File path relative to the corpus folder.</param>
    /// <param name="lines">Number of lines.</param>
    /// <param name="fillerWeight">Weight of plain sentences against the 21 kinds of line with identifiers or traps (3 for chat, far more for prose).</param>
    public GeneratedFile Chat(string name, int lines, int fillerWeight = 3)
    {
        var text = new List<string>();
        var labels = new List<Label>();
        for (var i = 0; i < lines; i++)
        {
            var line = text.Count + 1;
            void Add(string type, string value) => labels.Add(new Label(name, line, type, value));
            string sentence;
            switch (_random.Next(21 + fillerWeight))
            {
                case 0:
                    {
                        var rrn = Identifiers.Resident(_random, false, _random.Next(2) == 0, LatestBirth);
                        var (phone, phoneWritten) = Identifiers.Phone(_random);
                        Add("rrn", rrn);
                        Add("phone", phone);
                        sentence = $"{Name()}님 주민번호는 {Identifiers.ResidentWritten(_random, rrn)}이고 연락처는 {phoneWritten}입니다.";
                        break;
                    }

                case 1:
                    {
                        var (account, written) = Identifiers.Account(_random);
                        Add("account", account);
                        sentence = $"환불 계좌는 {Banks[_random.Next(Banks.Length)]}은행 {written} 입니다. {Filler(3)}";
                        break;
                    }

                case 2:
                    {
                        var card = Identifiers.Card(_random);
                        Add("card", card);
                        sentence = $"카드 {Identifiers.CardWritten(_random, card)} 로 결제했어요. {Filler(2)}";
                        break;
                    }

                case 3:
                    {
                        var old = Identifiers.Passport(_random, newForm: false);
                        var fresh = Identifiers.Passport(_random, newForm: true);
                        Add("passport", old);
                        Add("passport", fresh);
                        sentence = $"여권번호 {old} 만료, 새 여권 {fresh} 발급";
                        break;
                    }

                case 4:
                    {
                        var licence = Identifiers.DriverLicense(_random);
                        Add("driver-license", licence);
                        sentence = _random.Next(2) == 0
                            ? $"운전면허 {licence} 확인"
                            : $"면허 {licence[..2]}-{licence[2..4]}-{licence[4..10]}-{licence[10..]} 확인";
                        break;
                    }

                case 5:
                    {
                        var licence = Identifiers.DriverLicense(_random)[2..];
                        Add("driver-license", licence);
                        sentence = $"구 면허증: {Regions[_random.Next(Regions.Length)]} {licence[..2]}-{licence[2..8]}-{licence[8..]} 재발급";
                        break;
                    }

                case 6:
                    {
                        var brn = Identifiers.Brn(_random);
                        Add("brn", brn);
                        sentence = _random.Next(2) == 0 ? $"사업자 {brn} 세금계산서" : $"거래처 {brn[..3]}-{brn[3..5]}-{brn[5..]} 등록";
                        break;
                    }

                case 7:
                    {
                        var email = Identifiers.Email(_random);
                        Add("email", email);
                        sentence = $"메일 주소 {email} 로 보내주세요.";
                        break;
                    }

                case 8:
                    {
                        var valid = _random.Next(2) == 0;
                        var arn = Identifiers.Resident(_random, true, valid, LatestBirth);
                        Add("foreigner-rn", arn);
                        sentence = $"외국인등록번호: {Identifiers.ResidentWritten(_random, arn)} 제출";
                        break;
                    }

                case 9:
                    {
                        var card = Identifiers.Card(_random);
                        Add("card", card);
                        sentence = $"카드 {Identifiers.FullWidth(Identifiers.CardWritten(_random, card))} 분실 신고";
                        break;
                    }

                case 10:
                    {
                        var (phone, written) = Identifiers.Phone(_random);
                        Add("phone", phone);
                        sentence = $"제 번호는 {written}이에요";
                        break;
                    }

                case 11:
                    // Order number and amount: no finding (16 digits starting 20 is no card prefix).
                    sentence = $"주문번호 {Date().Replace("-", "", StringComparison.Ordinal)}{Digits(8)} 금액 {(1000 + _random.Next(900_000)).ToString("N0", CultureInfo.InvariantCulture)}원 {Date()} {Time()} 입금";
                    break;

                case 12:
                    // A checksum-failing resident number without identity context.
                    sentence = $"참조 {Identifiers.ResidentWritten(_random, Identifiers.Resident(_random, false, false, LatestBirth))} 건";
                    break;

                case 13:
                    // Impossible dates and gender digits 0 and 9.
                    sentence = $"주민등록번호 {_random.Next(100):D2}13{10 + _random.Next(18)}-{1 + _random.Next(4)}{Digits(6)} 또는 900230-1{Digits(6)}, 850101-9{Digits(6)}";
                    break;

                case 14:
                    {
                        var bad = Identifiers.Card(_random, validLuhn: false);
                        sentence = $"카드 {Identifiers.CardWritten(_random, bad)} 승인 거절";
                        break;
                    }

                case 15:
                    sentence = $"대표번호 1588-{Digits(4)}, 안심번호 0505-{Digits(3)}-{Digits(4)}, 해외 +82 10-{Digits(4)}-{Digits(4)}";
                    break;

                case 16:
                    {
                        var (_, written) = Identifiers.Account(_random);
                        sentence = $"계좌 3개 중 {written} 해지";
                        break;
                    }

                case 17:
                    {
                        var corporate = Identifiers.Resident(_random, false, true, LatestBirth);
                        sentence = $"법인등록번호 {corporate[..6]}-{corporate[6..]} 확인";
                        break;
                    }

                case 18:
                    sentence = $"마스킹 ho***@naver.com, admin@localhost, 담당 a@b.c{_random.Next(10)}";
                    break;

                case 19:
                    {
                        var rrn = Identifiers.Resident(_random, false, true, LatestBirth);
                        sentence = $"2023-{rrn[..6]}-{rrn[6..]} 버전 v1.{rrn[..6]}.{rrn[6..]} 타임스탬프 173{Digits(10)}";
                        break;
                    }

                case 20:
                    {
                        var future = Today.AddYears(1 + _random.Next(5));
                        sentence = $"주민번호 {future:yyMMdd}-{(future.Year >= 2000 ? 3 : 1)}{Digits(6)} 오류";
                        break;
                    }

                default:
                    sentence = Filler(6 + _random.Next(fillerWeight > 3 ? 30 : 10));
                    break;
            }

            text.Add(sentence);
        }

        return new GeneratedFile(name, text, labels);
    }

    /// <summary>Application log lines (plain and JSON Lines).</summary>
    public GeneratedFile Log(string name, int lines, bool json)
    {
        var text = new List<string>();
        var labels = new List<Label>();
        for (var i = 0; i < lines; i++)
        {
            var line = text.Count + 1;
            var stamp = $"{Date()}T{Time()}.{_random.Next(1000):D3}Z";
            var request = $"req-{_random.Next(0x10000):x4}";
            string entry;
            switch (_random.Next(6))
            {
                case 0:
                    {
                        var email = Identifiers.Email(_random);
                        labels.Add(new Label(name, line, "email", email));
                        entry = json
                            ? $"{{\"ts\":\"{stamp}\",\"level\":\"INFO\",\"req\":\"{request}\",\"event\":\"login\",\"user\":\"{email}\"}}"
                            : $"{stamp} INFO [{request}] login user={email} ip=10.0.{_random.Next(256)}.{_random.Next(256)}";
                        break;
                    }

                case 1:
                    {
                        var card = Identifiers.Card(_random);
                        labels.Add(new Label(name, line, "card", card));
                        entry = json
                            ? $"{{\"ts\":\"{stamp}\",\"event\":\"payment\",\"card\":\"{card}\",\"amount\":{_random.Next(1_000_000)}}}"
                            : $"{stamp} INFO [{request}] payment card={card} amount={_random.Next(1_000_000)}";
                        break;
                    }

                case 2:
                    {
                        var (account, written) = Identifiers.Account(_random);
                        labels.Add(new Label(name, line, "account", account));
                        entry = json
                            ? $"{{\"ts\":\"{stamp}\",\"event\":\"transfer\",\"acct_no\":\"{written}\",\"amount\":{_random.Next(10_000_000)}}}"
                            : $"{stamp} INFO [{request}] transfer account={written} amount={_random.Next(10_000_000)}";
                        break;
                    }

                case 3:
                    {
                        var rrn = Identifiers.Resident(_random, false, _random.Next(3) > 0, LatestBirth);
                        labels.Add(new Label(name, line, "rrn", rrn));
                        entry = json
                            ? $"{{\"ts\":\"{stamp}\",\"event\":\"kyc\",\"rrn\":\"{rrn}\"}}"
                            : $"{stamp} WARN [{request}] kyc jumin={rrn[..6]}-{rrn[6..]}";
                        break;
                    }

                case 4:
                    {
                        var (phone, written) = Identifiers.Phone(_random);
                        labels.Add(new Label(name, line, "phone", phone));
                        entry = json
                            ? $"{{\"ts\":\"{stamp}\",\"event\":\"sms\",\"to\":\"{written}\"}}"
                            : $"{stamp} INFO [{request}] sms to={written} status=200";
                        break;
                    }

                default:
                    entry = json
                        ? $"{{\"ts\":\"{stamp}\",\"event\":\"health\",\"latencyMs\":{_random.Next(900)},\"build\":\"1.{_random.Next(20)}.{_random.Next(100)}\"}}"
                        : $"{stamp} DEBUG [{request}] GET /api/v1/health 200 {_random.Next(900)}ms";
                    break;
            }

            text.Add(entry);
        }

        return new GeneratedFile(name, text, labels);
    }

    /// <summary>The standard mixed corpus: every generator, <paramref name="scale"/> lines or rows each.</summary>
    public IReadOnlyList<GeneratedFile> Standard(int scale) =>
    [
        Customers("customers.csv", scale),
        Transactions("transactions.csv", scale),
        Chat("chat.txt", scale),
        Chat("memo/상담메모.txt", scale / 2),
        Log("logs/app.log", scale, json: false),
        Log("logs/events.jsonl", scale, json: true),
    ];

    /// <summary>Writes the files (UTF-8, LF) under <paramref name="folder"/>, and the labels as JSON Lines to <c>labels.jsonl</c> beside them when asked.</summary>
    public static void Write(string folder, IEnumerable<GeneratedFile> files, string? labelsFile = null)
    {
        var all = new List<Label>();
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Join('\n', file.Lines) + "\n", new UTF8Encoding(false));
            all.AddRange(file.Labels);
        }

        if (labelsFile is not null)
        {
            File.WriteAllLines(labelsFile, all.Select(l => JsonSerializer.Serialize(new { path = l.Path, line = l.Line, type = l.Type, valueSha256 = l.Sha256 })));
        }
    }
}
