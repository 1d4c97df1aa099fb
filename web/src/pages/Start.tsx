/**
 * 考生注册: the seed's choice between 我是新考生 (register, 三照) and 我是在籍考生 (activate, 两照),
 * with its explanations and steps in its own words.
 */
import { Link } from 'react-router';
import { Page } from '../components/Page';

/** The seed's 三照 (new candidates). */
export const THREE_PHOTOS = [
  '考生免冠彩色证件照（蓝底、白底、白灰底）',
  '考生身份证照片（人像面）',
  '考生手持身份证照（半身）',
];
/** The seed's 两照 (enrolled candidates). */
export const TWO_PHOTOS = ['考生身份证照片（人像面）', '考生手持身份证照（半身）'];

/** The choice page. */
export function Start() {
  return (
    <Page title="考生注册" lead="未获得登录密码的考生，请先选择身份完成注册。已注册的考生请直接登录。">
      <div className="choice-cards">
        <NewCandidateCard />
        <EnrolledCandidateCard />
      </div>
      <p className="form-links">
        已注册？<Link to="/login">考生登录</Link>
      </p>
    </Page>
  );
}

/** 我是新考生: the seed's paragraph, 三照 and steps, and the button to the form. */
export function NewCandidateCard({ withButton = true }: { withButton?: boolean }) {
  return (
    <section className="section choice-card" aria-labelledby="choice-new">
      <h2 id="choice-new">我是新考生</h2>
      <p>
        首次参加自学考试，需要完成考生信息注册，并且上传“三照”完成考生身份认证，认证通过后考生可登录系统进行自学考试各项业务申请。
      </p>
      <PhotoList title="“三照”是指：" photos={THREE_PHOTOS} count="三" />
      <Steps steps={['填写个人信息，设置登录密码', '上传“三照”，进行身份验证', '验证通过，考生登录']} />
      {withButton ? (
        <Link to="/register" className="button button-primary button-block">
          我是新生，点击开始注册
        </Link>
      ) : null}
    </section>
  );
}

/** 我是在籍考生: the seed's paragraph, 两照 and steps, and the button to the form. */
export function EnrolledCandidateCard({ withButton = true }: { withButton?: boolean }) {
  return (
    <section className="section choice-card" aria-labelledby="choice-enrolled">
      <h2 id="choice-enrolled">我是在籍考生</h2>
      <p>
        已经获得自考准考证号，但是未设置系统登录密码的，需要上传“两照”完成考生身份认证，认证通过后可以设置登录密码，密码设置成功后可以顺利登录系统。
      </p>
      <PhotoList title="“两照”是指：" photos={TWO_PHOTOS} count="两" />
      <Steps steps={['通过身份证号、姓名认证', '设置登录密码', '上传“两照”，进行身份验证', '验证通过，考生登录']} />
      {withButton ? (
        <Link to="/activate" className="button button-primary button-block">
          我是在籍考生，点击完成认证
        </Link>
      ) : null}
    </section>
  );
}

function PhotoList({ title, photos, count }: { title: string; photos: string[]; count: string }) {
  return (
    <>
      <p className="list-title">{title}</p>
      <ol className="photo-list">
        {photos.map((photo) => (
          <li key={photo}>{photo}</li>
        ))}
      </ol>
      <p className="note">{count}张照片要求必须为同一人，照片文件小于2M，并且确保照片清晰。</p>
    </>
  );
}

function Steps({ steps }: { steps: string[] }) {
  return (
    <ol className="steps" aria-label="办理步骤">
      {steps.map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ol>
  );
}
