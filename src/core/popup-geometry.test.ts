import { expect } from '@open-wc/testing';
import { popupFeatures } from './popup-geometry.js';

describe('popupFeatures', () => {
  it('centres the popup on the opener window', () => {
    expect(popupFeatures({ screenX: 100, screenY: 50, outerWidth: 1300, outerHeight: 850 })).to.equal('popup,width=500,height=650,left=500,top=150');
  });

  it('keeps the popup on screen when the opener is smaller than the popup', () => {
    expect(popupFeatures({ screenX: 0, screenY: 0, outerWidth: 300, outerHeight: 200 }, 500, 650)).to.equal('popup,width=500,height=650,left=0,top=0');
  });
});
