using FinCloud.Scanner.Detection;

namespace FinCloud.Scanner.Tests.Detection;

/// <summary>Every worked example of scan-labels.md §7, exactly.</summary>
public sealed class WorkedExampleTests
{
    [Theory]
    [InlineData("고객 900101-1234568 010-1234-5678 연락", "rrn@4 9001011234568, phone@19 01012345678")]
    [InlineData("주민번호는 900101-1234567이야", "rrn@7 9001011234567")]
    [InlineData("참조 900101-1234567", "")]
    [InlineData("주민등록번호 000229-1234561", "")]
    [InlineData("법인등록번호 110111-1000481, 참조 110111-1000481", "rrn@27 1101111000481")]
    [InlineData("외국인등록번호: 900101 5123452", "foreigner-rn@10 9001015123452")]
    [InlineData("카드 4111 1111 1111 1111 / 4111-1111-1111-1112", "card@4 4111111111111111")]
    [InlineData("카드 ９４１０－１２３４－５６７８－９０１０", "card@4 9410123456789010")]
    [InlineData("사업자 1208147521, 120-81-47521, 1208147521", "brn@5 1208147521, brn@17 1208147521")]
    [InlineData("대표번호 1588-1234, 02-123-4567, 0212345678, 01012345678입니다", "phone@17 021234567, phone@42 01012345678")]
    [InlineData("010-1234-5678-9, 2023-900101-1234568", "")]
    [InlineData("면허 11-19-123456-61, 서울 19-123456-61, 111912345661", "driver-license@4 111912345661, driver-license@21 1912345661")]
    [InlineData("여권 M12345678, S20230915, M123A4567", "passport@4 M12345678, passport@26 M123A4567")]
    [InlineData("입금계좌: 국민은행 123456-01-234567 (예금주 홍길동)", "account@12 12345601234567")]
    [InlineData("환불 110-123-456789", "")]
    [InlineData("계좌 010-1234-5678", "phone@4 01012345678")]
    [InlineData("메일 Hong.GilDong@Naver.com. 또는 01012345678@naver.com", "email@4 hong.gildong@naver.com, email@31 01012345678@naver.com")]
    public void Worked_example_yields_exactly_the_listed_findings(string line, string expected) =>
        Scan.Labels(line).ShouldBe(expected);

    [Fact]
    public void A_checksum_failing_rrn_with_identity_context_is_medium_and_invalid()
    {
        var finding = Scan.Line("주민번호는 900101-1234567이야").ShouldHaveSingleItem();
        finding.Checksum.ShouldBe(ChecksumStatus.Invalid);
        finding.Confidence.ShouldBe(Confidence.Medium);
    }

    [Fact]
    public void Csv_header_gives_identity_and_account_context_by_field_index()
    {
        var header = HeaderContext.Parse("id,주민등록번호,account_no,memo", ',');
        Scan.Labels("1,900101-1234567,110-123-456789,\"a,b\"", header).ShouldBe("rrn@3 9001011234567, account@18 110123456789");
        Scan.Line("1,900101-1234567,110-123-456789,\"a,b\"", header)[0].Checksum.ShouldBe(ChecksumStatus.Invalid);
    }

    [Fact]
    public void Without_the_header_the_same_csv_line_holds_nothing() =>
        Scan.Labels("1,900101-1234567,110-123-456789,\"a,b\"").ShouldBe("");

    [Theory]
    [InlineData("9001011234568", "886d7f060b2d37f9904a2cc4d1d9dfd0838599a3aed2dba9cf6623c9912f06c6")]
    [InlineData("hong.gildong@naver.com", "9f3ff58e8e9ee1b3eb8251ffe334b5ced90669d888cc262f11ff64c17aaa037b")]
    public void Hash_test_vectors_match(string normalized, string sha256) =>
        NormalizedValue.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(normalized)).ShouldBe(sha256);

    [Fact]
    public void Email_hash_is_of_the_lower_cased_address() =>
        NormalizedValue.Sha256("Hong.GilDong@Naver.com", IdentifierType.Email)
            .ShouldBe("9f3ff58e8e9ee1b3eb8251ffe334b5ced90669d888cc262f11ff64c17aaa037b");

    [Fact]
    public void Rrn_hash_ignores_separators() =>
        NormalizedValue.Sha256("900101-1234568", IdentifierType.Rrn)
            .ShouldBe("886d7f060b2d37f9904a2cc4d1d9dfd0838599a3aed2dba9cf6623c9912f06c6");
}
